//! A QR code of a share link, drawn here as SVG: no external service sees the visitor's
//! favourites. The encoding is `qrcodegen` (Project Nayuki's reference implementation); this
//! module only draws its modules. Used by the worker, on demand, so it costs the page nothing.

use qrcodegen::{QrCode, QrCodeEcc};

/// Blank modules around the code, as the standard asks (readers need the quiet zone).
const QUIET: i32 = 4;

/// The SVG of `text`'s QR code (error correction "medium": a phone's camera reads it from a
/// screen or from paper), or `None` when the text is too long for any QR code. `label` is the
/// image's accessible name. The dark modules are one path, one `M x y h n v1 h -n z` per run of a
/// row: small, and crisp at any size (`shape-rendering="crispEdges"`).
pub fn svg(text: &str, label: &str) -> Option<String> {
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
    let side = size + 2 * QUIET;
    let mut label_text = String::new();
    crate::html::escape_into(&mut label_text, label);
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" role=\"img\" \
         aria-label=\"{label_text}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the modules back from the SVG this module writes (its viewBox and path runs).
    fn modules(svg: &str) -> (usize, Vec<Vec<bool>>) {
        let side: usize = svg
            .split("viewBox=\"0 0 ")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let mut grid = vec![vec![false; side]; side];
        let d = svg.split(" d=\"").nth(1).and_then(|r| r.split('"').next());
        for run in d.unwrap_or("").split('z').filter(|r| !r.is_empty()) {
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

    /// Draws the SVG's modules as a bitmap (4 pixels a module) and has an independent reader
    /// (rqrr) find and decode it.
    fn decode(svg: &str) -> String {
        let (side, grid) = modules(svg);
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

    #[test]
    fn share_links_read_back() {
        let short = "https://agenda.example/?fav=1&shared=rdn-ouverture,~rdn-table-ronde";
        let svg = svg(short, "Code QR du lien").unwrap_or_default();
        assert!(svg.starts_with("<svg") && svg.contains("aria-label=\"Code QR du lien\""));
        assert_eq!(decode(&svg), short);
        // Forty favourites with long ids and accents, percent-encoded as a link carries them.
        let ids: Vec<String> = (0..40)
            .map(|i| format!("s%C3%A9ance-{i:03}-atelier"))
            .collect();
        let long = format!(
            "http://127.0.0.1:8080/?programme=programmes%2Fnec-strasbourg-2025.json&fav=1&shared={}",
            ids.join(",")
        );
        assert_eq!(decode(&svg_or_panic(&long)), long);
    }

    fn svg_or_panic(text: &str) -> String {
        svg(text, "x").unwrap_or_else(|| panic!("no code for {} bytes", text.len()))
    }

    #[test]
    fn a_label_is_escaped_and_too_long_a_text_has_no_code() {
        assert!(svg_or_panic("a").contains("aria-label=\"x\""));
        let s = svg("a", "« A & B \"c\" »").unwrap_or_default();
        assert!(
            s.contains("aria-label=\"« A &amp; B &quot;c&quot; »\""),
            "{s}"
        );
        assert_eq!(svg(&"x".repeat(5000), "x"), None);
    }
}
