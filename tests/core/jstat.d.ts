// jstat ships no types; tests and benchmarks use its Student t distribution, mean and variance as an independent reference.
declare module "jstat" {
  const jStat: {
    studentt: { cdf(x: number, dof: number): number; inv(p: number, dof: number): number };
    mean(values: readonly number[]): number;
    variance(values: readonly number[], sample?: boolean): number;
  };
  export default jStat;
}
