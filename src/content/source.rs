//! Load stage: bytes of a file to text, with byte-order marks and CRLF made harmless.

use std::path::Path;

use crate::error::{Diagnostic, line_col};

/// Decodes a content or config file: UTF-8 only, a leading BOM dropped, CRLF turned to LF
/// (line numbers stay the same, so errors still point at the right line).
pub(crate) fn decode(file: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let bytes = err.as_bytes();
            let at = err.utf8_error().valid_up_to();
            // Everything before `at` is valid, so the position can be counted in chars.
            let prefix = String::from_utf8_lossy(&bytes[..at]);
            let (line, column) = line_col(&prefix, prefix.len());
            return Err(Diagnostic::error(
                file,
                format!("the file is not valid UTF-8 (byte 0x{:02X})", bytes[at]),
            )
            .at(line, column)
            .with_help("save the file as UTF-8"));
        }
    };
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_removed() {
        let text = decode(
            Path::new("a.md"),
            b"\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n".to_vec(),
        )
        .unwrap();
        assert_eq!(text, "---\ntitle: x\n---\n");
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = decode(Path::new("a.md"), b"---\ntitle: ab\xFF\n".to_vec()).unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(10)));
        assert!(err.message.contains("0xFF"));
    }
}
