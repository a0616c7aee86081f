// `parley bench`: runs every registered benchmark and prints one JSON line per figure.
import { costVsNaive } from '../bench/cost-bench';
import type { Command } from 'commander';
import { alternatingGamesPerSecond } from '../bench/alternating-bench';
import { callsPerGame, callsPerGameProse } from '../bench/calls-bench';
import { figureExportMs, heatmapQueryMs } from '../bench/analysis-bench';
import { janusDatasetEpisodesPerSecond } from '../bench/dataset-bench';
import { engineGamesPerSecond } from '../bench/engine-bench';
import { engineProcessGamesPerSecond } from '../bench/process-bench';
import { cacheReadShare, sweepMakespanRatio } from '../bench/llm-bench';
import { uiLatencyUnderLoadMs } from '../bench/latency-bench';
import { cliStartMs } from '../bench/startup-bench';
import { alternatingProcessCpu, sweep100k } from '../bench/scale-bench';
import type { BenchResult } from '../bench/types';
import {
  heatmapRenderMs,
  transcriptOpenMs,
  uiFirstLoadBytes,
  uiFirstPaintMs,
} from '../bench/ui-bench';

/** Benchmarks by name; other modules add theirs here. */
export const BENCHES: Record<string, () => Promise<BenchResult>> = {
  cli_start_ms: cliStartMs,
  engine_games_per_s: engineGamesPerSecond,
  engine_process_games_per_s: engineProcessGamesPerSecond,
  alternating_games_per_s: alternatingGamesPerSecond,
  alternating_games_per_s_process: alternatingProcessCpu,
  janus_dataset_episodes_per_s: janusDatasetEpisodesPerSecond,
  heatmap_query_ms: heatmapQueryMs,
  figure_export_ms: figureExportMs,
  sweep_makespan_ratio: sweepMakespanRatio,
  cache_read_share: cacheReadShare,
  cost_vs_naive: costVsNaive,
  calls_per_game: callsPerGame,
  calls_per_game_prose: callsPerGameProse,
  ui_first_paint_ms: uiFirstPaintMs,
  ui_first_load_bytes: uiFirstLoadBytes,
  heatmap_render_ms: heatmapRenderMs,
  transcript_open_ms: transcriptOpenMs,
  ui_latency_under_load_ms: uiLatencyUnderLoadMs,
};

/** Run only when named (minutes long): `npm run bench -- sweep_100k`. */
export const NAMED_ONLY_BENCHES: Record<string, () => Promise<BenchResult>> = {
  sweep_100k: sweep100k,
};

export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description(
      'Run the performance benchmarks; prints one JSON line per figure ({name, value, unit, target, pass}).',
    )
    .argument(
      '[names...]',
      `subset to run: ${Object.keys(BENCHES).join(', ')}; only when named: ${Object.keys(NAMED_ONLY_BENCHES).join(', ')}`,
    )
    .action(async (names: string[]) => {
      const selected = names.length > 0 ? names : Object.keys(BENCHES);
      for (const name of selected) {
        const bench = BENCHES[name] ?? NAMED_ONLY_BENCHES[name];
        if (!bench) {
          process.stdout.write(
            `${JSON.stringify({ name, error: `unknown benchmark; known: ${Object.keys(BENCHES).join(', ')}` })}\n`,
          );
          process.exitCode = 2;
          continue;
        }
        try {
          process.stdout.write(`${JSON.stringify(await bench())}\n`);
        } catch (err) {
          process.stdout.write(
            `${JSON.stringify({ name, error: err instanceof Error ? err.message : String(err) })}\n`,
          );
          process.exitCode = 1;
        }
      }
    });
}
