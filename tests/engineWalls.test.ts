// The engine's walls (CONVENTIONS 6, DESIGN.md "Layers") are ESLint rules; this runs ESLint with
// the project's own config on small engine files so a weakened rule fails a test, not a review.

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function problems(code: string, file = 'src/engine/lun/wallProbe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('engine walls', () => {
  it.each([
    ["import { useState } from 'react';", 'no-restricted-imports'],
    ["import { createRoot } from 'react-dom/client';", 'no-restricted-imports'],
    ["import { create } from 'zustand';", 'no-restricted-imports'],
    ["import { useShallow } from 'zustand/react/shallow';", 'no-restricted-imports'],
    ["import { m } from 'framer-motion';", 'no-restricted-imports'],
    ["import { motion } from 'motion/react';", 'no-restricted-imports'],
    ["import { readFileSync } from 'node:fs';", 'no-restricted-imports'],
    ["import { useSimStore } from '../../store/useSimStore';", 'no-restricted-imports'],
    ["import { App } from '../../ui/App';", 'no-restricted-imports'],
    ["import { createHost } from '../../worker/host';", 'no-restricted-imports'],
    ['export const t = Date.now();', 'no-restricted-properties'],
    ['export const r = Math.random();', 'no-restricted-properties'],
    ['setTimeout(() => {}, 1);', 'no-restricted-globals'],
    ['export const t = performance.now();', 'no-restricted-globals'],
    ['export const w = window.innerWidth;', 'no-restricted-globals'],
  ])('refuses %s', async (code, rule) => {
    expect((await problems(`${code}\n`)).some((p) => p.startsWith(`${rule}:`))).toBe(true);
  });

  it('lets engine code import xstate and its own modules', async () => {
    expect(await problems("import { setup } from 'xstate';\nimport { createRng } from '../rng';\nexport const x = [setup, createRng];\n")).toEqual([]);
  });
});
