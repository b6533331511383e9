// framer-motion's animation features, loaded lazily by <LazyMotion> in main.tsx (components use
// the small `m` elements, never `motion`, which would bundle every feature up front).
import { domAnimation } from 'framer-motion';

export default domAnimation;
