/**
 * The must-show "on plan documents it has never seen", seventh round: six documents (a provincial government report
 * page, a city's statistical bulletin, a county's plan exported from Word, a newspaper page of three cities, a
 * Markdown action plan, a press-conference transcript) written and labelled by two writers who had not read the
 * extractor, frozen before the pipeline ever ran on them. See test/fixtures/unseen7/README.md for the labelling
 * choices and the first-run figures, which are the honest unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

describeHeldOut('seventh round (six documents, two writers)', new URL('../fixtures/unseen7/', import.meta.url));
