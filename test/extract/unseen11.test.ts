/**
 * The must-show "on plan documents it has never seen", eleventh round: six plan documents (a provincial department's
 * 工作要点 as an HTML page, a city's three-year action plan in Markdown, a city's government work report in GBK, a
 * city's three-year action plan copied from a PDF, a municipality's 工作要点 copied from its web site, an autonomous
 * region's 实施方案 page) written and labelled by two writers who had not read the extractor, frozen before the
 * pipeline ever ran on them. See test/fixtures/unseen11/README.md for the labelling choices and the first-run figures,
 * which are the honest unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

// Round eleven's first run (94.8% / 6.3%) passed the recall bar, not the junk bar; after the fixes it meets the issue's
// bar (see the README), which this suite now holds it to.
describeHeldOut('eleventh round (six plan documents, two writers)', new URL('../fixtures/unseen11/', import.meta.url));
