import type { Command } from 'commander';
import type { Run } from './main.js';

export function registerTimeline(_program: Command, _run: Run): void {}
