/**
 * The must-show "on plan documents it has never seen", fourteenth round: six plan documents (a provincial department's
 * 工作要点 copied from its web page, a city's government work report as an HTML page, a city's "十五五" industry plan
 * copied from a PDF, a city's three-year action plan in Markdown, a city's 工作要点 in GB18030, a city's sectoral
 * implementation plan as an HTML page with a project table) written and labelled by two writers who had not read the
 * extractor, frozen before the pipeline ever ran on them. See test/fixtures/unseen14/README.md for the labelling
 * choices and the first-run figures, which are the honest unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

describeHeldOut('fourteenth round (six plan documents, two writers)', new URL('../fixtures/unseen14/', import.meta.url));
