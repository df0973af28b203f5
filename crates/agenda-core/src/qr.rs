//! A QR code of a share link, drawn here as SVG: no external service sees the visitor's
//! favourites. The encoding is `qrcodegen` (Project Nayuki's reference implementation); this
//! module only traces its modules, which the page draws as SVG.

use qrcodegen::{QrCode, QrCodeEcc};

/// Blank modules around the code, as the standard asks (readers need the quiet zone).
const QUIET: i32 = 4;

/// A QR code drawn for an SVG `viewBox="0 0 side side"`: its dark modules as one path, one
/// `M x y h n v1 h -n z` per run of a row, quiet zone included (small, and crisp at any size with
/// `shape-rendering="crispEdges"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    pub side: i32,
    pub path: String,
}

/// `text`'s QR code (error correction "medium": a phone's camera reads it from a screen or from
/// paper), or `None` when the text is too long for any QR code.
pub fn code(text: &str) -> Option<Code> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            path.push_str(&format!(
                "M{} {}h{}v1h-{}z",
                start + QUIET,
                y + QUIET,
                x - start,
                x - start
            ));
        }
    }
    Some(Code {
        side: size + 2 * QUIET,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the modules back from a code's path runs.
    fn modules(code: &Code) -> (usize, Vec<Vec<bool>>) {
        let side = code.side as usize;
        let mut grid = vec![vec![false; side]; side];
        for run in code.path.split('z').filter(|r| !r.is_empty()) {
            let nums: Vec<usize> = run
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .filter_map(|n| n.parse().ok())
                .collect();
            let (x, y, n) = (nums[0], nums[1], nums[2]);
            for cell in &mut grid[y][x..x + n] {
                *cell = true;
            }
        }
        (side, grid)
    }

    /// Draws the code's modules as a bitmap (4 pixels a module) and has an independent reader
    /// (rqrr) find and decode it.
    fn decode(code: &Code) -> String {
        let (side, grid) = modules(code);
        let scale = 4;
        let mut img =
            rqrr::PreparedImage::prepare_from_bitmap(side * scale, side * scale, |x, y| {
                grid[y / scale][x / scale]
            });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one code found");
        match grids[0].decode() {
            Ok((_, text)) => text,
            Err(e) => panic!("undecodable: {e:?}"),
        }
    }

    fn code_or_panic(text: &str) -> Code {
        code(text).unwrap_or_else(|| panic!("no code for {} bytes", text.len()))
    }

    #[test]
    fn share_links_read_back() {
        let short = "https://agenda.example/?fav=1&shared=rdn-ouverture,~rdn-table-ronde";
        assert_eq!(decode(&code_or_panic(short)), short);
        // Forty favourites with long ids and accents, percent-encoded as a link carries them.
        let ids: Vec<String> = (0..40)
            .map(|i| format!("s%C3%A9ance-{i:03}-atelier"))
            .collect();
        let long = format!(
            "http://127.0.0.1:8080/?programme=programmes%2Fnec-strasbourg-2025.json&fav=1&shared={}",
            ids.join(",")
        );
        assert_eq!(decode(&code_or_panic(&long)), long);
    }

    #[test]
    fn too_long_a_text_has_no_code() {
        assert_eq!(code(&"x".repeat(5000)), None);
    }
}
