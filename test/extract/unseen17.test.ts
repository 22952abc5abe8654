/**
 * The must-show "on plan documents it has never seen", seventeenth round: six plan documents (a provincial 工作要点
 * copied from a WeChat post, a city's three-year sectoral 实施方案 as an HTML page, a city's government work report in
 * GB18030, a provincial two-year sectoral action plan as an HTML page, a city's 工作要点 copied from a PDF gazette, a
 * city's three-year sectoral action plan in Markdown) written and labelled by two writers who had not read the
 * extractor, frozen before the pipeline ever ran on them. See test/fixtures/unseen17/README.md for the labelling choices
 * and the first-run figures, which are the honest unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

// Round seventeen failed the bar on its first run (76.5% / 21.6%); after the fixes of its causes it is held to the
// issue's bar like the rounds before it.
describeHeldOut('seventeenth round (six plan documents, two writers)', new URL('../fixtures/unseen17/', import.meta.url));
