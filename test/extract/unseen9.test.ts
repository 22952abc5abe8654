/**
 * The must-show "on plan documents it has never seen", ninth round: six documents (a provincial plan-execution report
 * with an indicator table, a city's quarterly industrial bulletin, a development zone's summary and plan, a district's
 * news page on an investment signing, a city party secretary's speech in GBK, a district's three-year plan copied from
 * a PDF) written and labelled by two writers who had not read the extractor, frozen before the pipeline ever ran on
 * them. See test/fixtures/unseen9/README.md for the labelling choices and the first-run figures, which are the honest
 * unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

// Round nine is NOT at the bar yet (first run 73.7% / 28.2%; after the fixes so far 94.1% / 6.7%: recall is
// at the bar, junk is not). This floor only keeps it from slipping back while the remaining causes (README "Still
// open") are worked on; remove it then.
describeHeldOut('ninth round (six documents, two writers)', new URL('../fixtures/unseen9/', import.meta.url), {
  recall: 0.93,
  junk: 0.07,
  reason: 'round nine is still being fixed, see test/fixtures/unseen9/README.md',
});
