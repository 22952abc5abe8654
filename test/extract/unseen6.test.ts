/**
 * The must-show "on plan documents it has never seen", sixth round: six documents (a 十五五 provincial plan with a
 * two-level Word table, a county report in GBK, a ministry's HTML notice with a per-province table, a multi-province news
 * roundup, a Markdown 工作要点 with front matter, a PDF-copied city action plan with a project table) written and
 * labelled by two writers who had not read the extractor, frozen before the pipeline ever ran on them. See
 * test/fixtures/unseen6/README.md for the labelling choices and the first-run figures, which are the honest unseen
 * measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

describeHeldOut('sixth round (six documents, two writers)', new URL('../fixtures/unseen6/', import.meta.url));
