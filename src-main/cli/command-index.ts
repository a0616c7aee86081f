// The index of `parley`'s commands: which module registers which commands, with a one-line
// summary for the top-level help. main.ts loads only the module of the command being run, so
// `parley run` never loads the charts, PDF or web-server code and `parley --help` loads none of
// them (command-index.test.ts checks that every module registers exactly the names listed here).
import type { Command } from 'commander';

export interface CommandModule {
  /** The module's file in src-main/cli, for the index test. */
  file: string;
  /** The commands it registers, each with the summary shown by `parley --help`. */
  commands: Record<string, string>;
  load(): Promise<(program: Command) => void>;
}

export const COMMAND_MODULES: readonly CommandModule[] = [
  {
    file: 'core-commands.ts',
    commands: {
      run: 'run or resume a sweep (finished games are skipped)',
      validate: 'check a sweep document and print its grid',
      status: 'progress of every sweep (or of one)',
      show: 'print a game transcript',
    },
    load: async () => (await import('./core-commands')).registerCoreCommands,
  },
  {
    file: 'export-command.ts',
    commands: {
      demo: 'run the built-in demo sweep (seconds, offline)',
      export: 'export a sweep as CSV/JSON files and a heatmap',
    },
    load: async () => (await import('./export-command')).registerExportCommands,
  },
  {
    file: 'cancel-command.ts',
    commands: { cancel: 'cancel a sweep and its provider batches in flight' },
    load: async () => (await import('./cancel-command')).registerCancelCommand,
  },
  {
    file: 'cluster-commands.ts',
    commands: {
      slurm: 'write a SLURM array job that runs a sweep in shards',
      merge: 'merge Parley databases (e.g. SLURM shards) into one',
    },
    load: async () => (await import('./cluster-commands')).registerClusterCommands,
  },
  {
    file: 'model-commands.ts',
    commands: { models: 'the model registry: list, add and import models' },
    load: async () => (await import('./model-commands')).registerModelCommands,
  },
  {
    file: 'llm-commands.ts',
    commands: {
      keys: 'store, test or remove API keys in the OS keychain',
      'mock-llm': 'serve a local stand-in LLM provider on 127.0.0.1',
    },
    load: async () => (await import('./llm-commands')).registerLlmCommands,
  },
  {
    file: 'fit-command.ts',
    commands: { fit: 'fit a scaling-law line to any CSV' },
    load: async () => (await import('./fit-command')).registerFitCommand,
  },
  {
    file: 'analyze-command.ts',
    commands: { analyze: 'per-cell statistics, fits and views of a sweep' },
    load: async () => (await import('./analyze-command')).registerAnalyzeCommand,
  },
  {
    file: 'figures-command.ts',
    commands: { figures: 'render the figures of a figure spec (PDF, SVG, PNG, LaTeX)' },
    load: async () => (await import('./figures-command')).registerFiguresCommand,
  },
  {
    file: 'import-command.ts',
    commands: { import: 'import published results (bargain, NegotiationArena, LLM-Deliberation)' },
    load: async () => (await import('./import-command')).registerImportCommand,
  },
  {
    file: 'dataset-command.ts',
    commands: { dataset: 'price-domain training data (Janus JSONL, Parquet, CSV)' },
    load: async () => (await import('./dataset-command')).registerDatasetCommand,
  },
  {
    file: 'judge-command.ts',
    commands: { judge: 'score-leakage judge of a deliberation sweep, and its leak rates' },
    load: async () => (await import('./judge-command')).registerJudgeCommand,
  },
  {
    file: 'serve-command.ts',
    commands: { serve: 'the workbench in a browser on this machine' },
    load: async () => (await import('./serve-command')).registerServeCommand,
  },
  {
    file: 'bench-command.ts',
    commands: { bench: 'performance benchmarks as JSON lines' },
    load: async () => (await import('./bench-command')).registerBenchCommand,
  },
];

/** The module that registers `name`, if any. */
export function moduleOf(name: string | undefined): CommandModule | undefined {
  return name === undefined ? undefined : COMMAND_MODULES.find((m) => name in m.commands);
}
