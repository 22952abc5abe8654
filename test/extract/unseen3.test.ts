/**
 * The must-show "on plan documents it has never seen", third round: five hand-labelled documents (云南, 天津, 宁波,
 * 吉林, 海南 + 宁夏) written after the extractor had been tuned on the first two rounds, labelled before the pipeline
 * ever ran on them, and scored the same way. See test/fixtures/unseen3/README.md for the labelling choices and the
 * first-run figures, which are the honest unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

describeHeldOut('third round (five documents)', new URL('../fixtures/unseen3/', import.meta.url));
