// jstat ships no types; the tests only use its Student t distribution as an independent reference.
declare module "jstat" {
  const jStat: {
    studentt: { cdf(x: number, dof: number): number; inv(p: number, dof: number): number };
  };
  export default jStat;
}
