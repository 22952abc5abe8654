/**
 * The must-show "on plan documents it has never seen", fifth round: five city- and county-level documents (深圳, 昆山,
 * 武汉, 广州/佛山/东莞 in traditional characters, 德清) written and labelled by someone who had not read the extractor,
 * frozen before the pipeline ever ran on them. See test/fixtures/unseen5/README.md for the labelling choices and the
 * first-run figures, which are the honest unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

describeHeldOut('fifth round (five city and county documents)', new URL('../fixtures/unseen5/', import.meta.url));
