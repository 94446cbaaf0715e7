/** The pieces a spend digest is made of, shared by the figures that compute them and the digest itself. */

/** How far one spend alert is used: `used` is spend ÷ threshold (1 = 100%). */
export interface AlertUse {
  readonly alertId: string;
  readonly thresholdCents: number;
  readonly used: number;
}

export interface ProjectLine {
  readonly projectId: string;
  readonly name: string;
  /** Dollars this month. */
  readonly spend: number;
  /** Its spend alerts, smallest threshold first; empty when it has none. */
  readonly alerts: readonly AlertUse[];
}

export type Forecast =
  | { kind: 'projected'; amount: number; completeDays: number; daysInMonth: number; spentInCompleteDays: number }
  | { kind: 'complete'; amount: number }
  | { kind: 'too-early' };

export interface Mover {
  readonly name: string;
  /** Dollars in the last 7 whole days and in the 7 before. */
  readonly last7: number;
  readonly previous7: number;
}

/** One stacked series of the chart: a top project, or everything else. */
export interface ChartSeries {
  readonly name: string;
  /** Dollars per day of the month; days after `asOf` are absent. */
  readonly values: readonly number[];
  /** The series that sums every project after the top ones. */
  readonly rest?: boolean;
}
