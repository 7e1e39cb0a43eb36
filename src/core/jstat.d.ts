// jstat ships no types. Core uses only its noncentral t distribution (for the power of a t-test),
// imported by file so this declaration does not clash with the tests' own one for "jstat".
declare module "jstat/dist/jstat.js" {
  const jStat: {
    noncentralt: { cdf(x: number, dof: number, ncp: number): number };
  };
  export default jStat;
}
