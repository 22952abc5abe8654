/**
 * The must-show "on plan documents it has never seen", fourth round: five documents (山东 HTML government report with a
 * targets table, 上海 十五五 plan in Markdown, 重庆 两江新区 工作要点, 甘肃 PDF copy, 青海/西藏 newspaper page) written and
 * labelled by someone who had not read the extractor, frozen before the pipeline ever ran on them. See
 * test/fixtures/unseen4/README.md for the labelling choices and the first-run figures, the honest unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

describeHeldOut('fourth round (five documents)', new URL('../fixtures/unseen4/', import.meta.url));
