/**
 * The must-show "on plan documents it has never seen", tenth round: six plan documents (a municipality's three-year
 * action plan as an HTML page, a city's annual 推进方案 in Markdown with indicator tables, a city's government work
 * report in GBK, an autonomous region's action plan copied from a PDF, a provincial department's 工作要点 copied from
 * its web site, a city's government work report page) written and labelled by two writers who had not read the
 * extractor, frozen before the pipeline ever ran on them. See test/fixtures/unseen10/README.md for the labelling
 * choices and the first-run figures, which are the honest unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

// Round ten's first run (94.5% / 7.0%) passed the recall bar, not the junk bar; after the fixes it meets the bar
// (see the README), which this suite now holds it to.
describeHeldOut('tenth round (six plan documents, two writers)', new URL('../fixtures/unseen10/', import.meta.url));
