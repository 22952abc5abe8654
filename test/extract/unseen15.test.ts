/**
 * The must-show "on plan documents it has never seen", fifteenth round: six plan documents (a provincial two-year
 * sectoral action plan as an HTML page, a city's government work report from Word, a city's sectoral 工作要点 copied
 * from a PDF gazette, a city's 工作要点 in Markdown, a city's sectoral 推进方案 in GB18030, a city's three-year sectoral
 * action plan as an HTML page) written and labelled by two writers who had not read the extractor, frozen before the
 * pipeline ever ran on them. See test/fixtures/unseen15/README.md for the labelling choices and the first-run figures,
 * which are the honest unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

// Round fifteen failed the bar on its first run (89.5% / 10.0%); after the fixes of its causes it is held to the
// issue's bar like the other rounds.
describeHeldOut('fifteenth round (six plan documents, two writers)', new URL('../fixtures/unseen15/', import.meta.url));
