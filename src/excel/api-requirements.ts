/**
 * Every Excel JavaScript API the adapter uses, with the requirement set that introduced it (from
 * the `[Api set: ExcelApi x]` notes of @types/office-js). The manifest asks for ExcelApi 1.9, so
 * nothing here may be above it; test/excel/api-requirements.test.ts checks this table against the
 * calls the fake host records during whole builds. Keys are "Class.member"; loading a property
 * counts as using it, and `load` itself is available from the class's own set.
 */
export const apiRequirements: Readonly<Record<string, string>> = {
  // Workbook, worksheets, settings
  "Workbook.worksheets": "1.1",
  "Workbook.settings": "1.4",
  "WorksheetCollection.load": "1.1",
  "WorksheetCollection.getItem": "1.1",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "WorksheetCollection.add": "1.1",
  "Worksheet.load": "1.1",
  "Worksheet.id": "1.1",
  "Worksheet.name": "1.1",
  "Worksheet.position": "1.1",
  "Worksheet.visibility": "1.1",
  "Worksheet.activate": "1.1",
  "Worksheet.delete": "1.1",
  "Worksheet.getRange": "1.1",
  "Worksheet.getRangeByIndexes": "1.7",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Worksheet.showGridlines": "1.8",
  "Worksheet.tabColor": "1.7",
  "Worksheet.protection": "1.2",
  "Worksheet.freezePanes": "1.7",
  "Worksheet.pageLayout": "1.9",
  "Worksheet.horizontalPageBreaks": "1.9",
  "Worksheet.charts": "1.1",
  "WorksheetProtection.load": "1.2",
  "WorksheetProtection.protected": "1.2",
  "SettingCollection.add": "1.4",
  "SettingCollection.getItemOrNullObject": "1.4",
  "Setting.load": "1.4",
  "Setting.value": "1.4",
  // Ranges and formats
  "Range.load": "1.1",
  "Range.address": "1.1",
  "Range.values": "1.1",
  "Range.numberFormat": "1.1",
  "Range.rowCount": "1.1",
  "Range.columnCount": "1.1",
  "Range.rowIndex": "1.1",
  "Range.columnIndex": "1.1",
  "Range.select": "1.1",
  "Range.merge": "1.2",
  "Range.format": "1.1",
  "Range.conditionalFormats": "1.6",
  "RangeFormat.columnWidth": "1.2",
  "RangeFormat.rowHeight": "1.2",
  "RangeFormat.horizontalAlignment": "1.1",
  "RangeFormat.verticalAlignment": "1.1",
  "RangeFormat.wrapText": "1.1",
  "RangeFill.color": "1.1",
  "RangeFont.bold": "1.1",
  "RangeFont.italic": "1.1",
  "RangeFont.color": "1.1",
  "RangeFont.name": "1.1",
  "RangeFont.size": "1.1",
  "RangeBorderCollection.getItem": "1.1",
  "RangeBorder.style": "1.1",
  "RangeBorder.color": "1.1",
  "RangeBorder.weight": "1.1",
  // Conditional formats
  "ConditionalFormatCollection.load": "1.6",
  "ConditionalFormatCollection.add": "1.6",
  "ConditionalFormat.type": "1.6",
  "ConditionalFormat.stopIfTrue": "1.6",
  "ConditionalFormat.delete": "1.6",
  "ConditionalFormat.custom": "1.6",
  "ConditionalFormatRule.load": "1.6",
  "ConditionalFormatRule.formula": "1.6",
  "ConditionalRangeFill.color": "1.6",
  "ConditionalRangeFont.color": "1.6",
  "ConditionalRangeFont.bold": "1.6",
  // View and printing
  "WorksheetFreezePanes.freezeRows": "1.7",
  "WorksheetFreezePanes.freezeColumns": "1.7",
  "WorksheetFreezePanes.freezeAt": "1.7",
  "PageLayout.orientation": "1.9",
  "PageLayout.paperSize": "1.9",
  "PageLayout.zoom": "1.9",
  "PageLayout.centerHorizontally": "1.9",
  "PageLayout.setPrintArea": "1.9",
  "PageLayout.setPrintTitleRows": "1.9",
  "PageLayout.setPrintMargins": "1.9",
  "PageLayout.headersFooters": "1.9",
  "HeaderFooterGroup.defaultForAllPages": "1.9",
  "HeaderFooter.leftHeader": "1.9",
  "HeaderFooter.centerHeader": "1.9",
  "HeaderFooter.rightHeader": "1.9",
  "HeaderFooter.leftFooter": "1.9",
  "HeaderFooter.centerFooter": "1.9",
  "HeaderFooter.rightFooter": "1.9",
  "PageBreakCollection.add": "1.9",
  // Charts
  "ChartCollection.add": "1.1",
  "Chart.name": "1.1",
  "Chart.title": "1.1",
  "Chart.legend": "1.1",
  "Chart.series": "1.1",
  "Chart.setPosition": "1.1",
  "ChartTitle.text": "1.1",
  "ChartFont.size": "1.1",
  "ChartLegend.visible": "1.1",
  "ChartSeriesCollection.add": "1.7",
  "ChartSeriesCollection.getItemAt": "1.1",
  "ChartSeries.name": "1.1",
  "ChartSeries.markerStyle": "1.7",
  "ChartSeries.markerSize": "1.7",
  "ChartSeries.setValues": "1.7",
  "ChartSeries.setXAxisValues": "1.7",
  "ChartLineFormat.lineStyle": "1.7",
  "ChartLineFormat.color": "1.1",
  // Common API
  "Office.context.requirements.isSetSupported": "common",
};

/** Items of a collection, for recorded load paths such as "WorksheetCollection.items/name". */
const itemClass: Readonly<Record<string, string>> = {
  WorksheetCollection: "Worksheet",
  ConditionalFormatCollection: "ConditionalFormat",
  SettingCollection: "Setting",
};

/** "WorksheetCollection.items/name" → "Worksheet.name"; other keys unchanged. */
export function normaliseApiKey(key: string): string {
  const m = /^(\w+)\.items\/(\w+)$/.exec(key);
  if (!m || !m[1] || !m[2]) return key;
  return `${itemClass[m[1]] ?? m[1]}.${m[2]}`;
}
