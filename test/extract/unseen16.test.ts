/**
 * The must-show "on plan documents it has never seen", sixteenth round: six plan documents (a provincial 工作要点 as an
 * HTML page with <br> paragraphs, a city's government work report copied from PDF, a city's three-year sectoral action
 * plan in Markdown with front matter, a provincial three-year sectoral action plan copied from PDF, a city's 工作要点 in
 * GB18030, a city's 十五五 sectoral plan as an HTML page) written and labelled by two writers who had not read the
 * extractor, frozen before the pipeline ever ran on them. See test/fixtures/unseen16/README.md for the labelling choices
 * and the first-run figures, which are the honest unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

describeHeldOut('sixteenth round (six plan documents, two writers)', new URL('../fixtures/unseen16/', import.meta.url));
