/**
 * The must-show "on plan documents it has never seen", eighth round: six documents (a provincial department's 工作要点
 * copied from a PDF, a city's government work report page, a city's Markdown cluster plan, a WeChat-style roundup of
 * five provinces, a GBK 工作总结, a question-and-answer 政策解读) written and labelled by two writers who had not read
 * the extractor, frozen before the pipeline ever ran on them. See test/fixtures/unseen8/README.md for the labelling
 * choices and the first-run figures, which are the honest unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

describeHeldOut('eighth round (six documents, two writers)', new URL('../fixtures/unseen8/', import.meta.url));
