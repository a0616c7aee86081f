/** One benchmark figure, printed as a JSON line by `parley bench`. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
  detail?: Record<string, unknown>;
}
