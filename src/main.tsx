import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MotionConfig } from 'framer-motion';
import { App } from './ui/App';
import { startEngine } from './worker/engineClient';
import { connectEngine, engine } from './store/engine';
import { pushNotice } from './store/useSimStore';
import { builtinScenario, DEFAULT_SCENARIO_ID } from './scenarios';
import './ui/theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MotionConfig reducedMotion="user">
      <App />
    </MotionConfig>
  </StrictMode>,
);

engine.load(builtinScenario(DEFAULT_SCENARIO_ID)!);
startEngine()
  .then(connectEngine)
  .catch((err: unknown) => pushNotice('error', `The simulation could not start: ${err instanceof Error ? err.message : String(err)}. Reload the page.`));
