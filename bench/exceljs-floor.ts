import ExcelJS from "exceljs";

/**
 * What exceljs alone needs for the command line's work: read the same input and write a sheet of
 * the same size as the dashboard, cell by cell as the dashboard's writer does (the cheapest way
 * exceljs offers), with no styles, formats or print setup. The yardstick the command line is
 * compared with, in the bench's process and, for its peak memory, in a process of its own.
 */
export async function exceljsFloor(input: string, out: string, values: readonly (readonly (string | number | null)[])[]): Promise<void> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(input);
  const target = new ExcelJS.Workbook();
  const ws = target.addWorksheet("Dashboard");
  values.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((value, c) => {
      if (value !== null) row.getCell(c + 1).value = value;
    });
  });
  await target.xlsx.writeFile(out);
}
