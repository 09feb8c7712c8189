//! The customer-list export as an XLSX workbook (rust_xlsxwriter): one sheet, a bold header row kept
//! in view, an autofilter, real dates shown `dd/mm/yyyy`, counts as numbers.

use app::domain::customers::ExportRow;
use app::i18n::customers::CustomersTexts;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// Column widths, in characters, of the export's seven columns.
const WIDTHS: [f64; 7] = [28.0, 40.0, 32.0, 24.0, 13.0, 16.0, 32.0];

/// The workbook's bytes.
pub fn workbook(t: &CustomersTexts, rows: &[ExportRow]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let sheet = workbook.add_worksheet();
    sheet.set_name(t.export_sheet)?;
    for (col, (title, width)) in (0u16..).zip(t.export_columns.iter().zip(WIDTHS)) {
        sheet.write_string_with_format(0, col, *title, &header)?;
        sheet.set_column_width(col, width)?;
    }
    for (row, guest) in (1u32..).zip(rows) {
        sheet.write_string(row, 0, &guest.name)?;
        sheet.write_string(row, 1, &guest.address)?;
        sheet.write_string(row, 2, &guest.emails)?;
        sheet.write_string(row, 3, &guest.phones)?;
        // Counts stay far below 2^53: exact as a spreadsheet number.
        #[allow(clippy::cast_precision_loss)]
        sheet.write_number(row, 4, guest.bookings as f64)?;
        sheet.write_datetime_with_format(row, 5, guest.first_arrival, &date)?;
        sheet.write_string(row, 6, guest.properties.join(", "))?;
    }
    let last = u32::try_from(rows.len()).unwrap_or(u32::MAX - 1);
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last.max(1), 6)?;
    workbook.save_to_buffer()
}
