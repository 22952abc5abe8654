/**
 * The must-show "on plan documents it has never seen", twelfth round: six plan documents (a city's 2025—2027 action plan
 * as an HTML page, a provincial 工作要点 in Markdown, a city's government work report in GBK, a provincial 实施方案 copied
 * from a PDF gazette, a city's 工作要点 copied from its web site, a city's government work report as an HTML page with
 * full-width digits) written and labelled by two writers who had not read the extractor, frozen before the pipeline
 * ever ran on them. See test/fixtures/unseen12/README.md for the labelling choices and the first-run figures, which are
 * the honest unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

// Round twelve's first run (92.8% / 7.4%) passed the recall bar, not the junk bar; after the fixes it meets the issue's
// bar (see the README), which this suite now holds it to.
describeHeldOut('twelfth round (six plan documents, two writers)', new URL('../fixtures/unseen12/', import.meta.url));
