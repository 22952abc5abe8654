/**
 * The must-show "on plan documents it has never seen", eighteenth round: six plan documents (a provincial three-year
 * sectoral action plan as a GB2312 portal page pasted from Word, a city's government work report copied from a news
 * site, a municipal sectoral 实施方案 as pdftotext gives it without -layout, a city's 工作要点 as pandoc Markdown from
 * Word, a city's three-year sectoral action plan as a portal page, a city's government work report as OCR text) written
 * and labelled by three writers who had not read the extractor, frozen before the pipeline ever ran on them. See
 * test/fixtures/unseen18/README.md for the labelling choices and the first-run figures, which are the honest unseen
 * measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

describeHeldOut('eighteenth round (six plan documents, three writers)', new URL('../fixtures/unseen18/', import.meta.url));
