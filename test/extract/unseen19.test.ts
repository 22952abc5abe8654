/**
 * The must-show "on plan documents it has never seen", nineteenth round: six plan documents (a regional 工作要点 as
 * Markdown exported from Feishu/Notion, a city's three-year sectoral action plan as a GB18030 Word export with tab
 * tables, a provincial 实施方案 printed in full on a newspaper's site, a city's 实施方案 as Markdown with HTML tables, a
 * city's 工作要点 copied from its portal with a list of project records, a city's “十五五” industrial plan as
 * pdftotext -layout gives it) written and labelled by three writers who had not read the extractor, frozen before the
 * pipeline ever ran on them. See test/fixtures/unseen19/README.md for the labelling choices and the first-run figures,
 * which are the honest unseen measurement.
 */
import { describeHeldOut } from './unseen-support.ts';

describeHeldOut('nineteenth round (six plan documents, three writers)', new URL('../fixtures/unseen19/', import.meta.url));
