//! What the page asks its worker for besides reading an export: a calendar file of sessions, the
//! QR code of a share link, and the views seldom opened drawn as HTML (a session, the speakers,
//! "Mes favoris"). They are needed only when a visitor
//! asks, so they live in the worker (fetched on demand) and not in the page's own download.
//!
//! A request is a JSON text starting with `{"tool":` (no programme file starts so):
//! `{"tool":"ics","programme":URL,"ids":[…],"now":SECONDS}`,
//! `{"tool":"qr","text":LINK,"label":NAME}` or `{"tool":"view",…}` (see [`Request::View`]).
//! The answer is the calendar text (starting with `BEGIN:VCALENDAR`), the SVG (starting with
//! `<svg`), the HTML (starting with `<section` or `<article`), or anything else for a failure.

use crate::json::{self, Value};
use crate::model::SessionId;
use crate::time::DateTime;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// A calendar of these sessions of the programme at `programme` (fetched by the worker).
    Ics {
        programme: String,
        ids: Vec<SessionId>,
        now: i64,
    },
    Qr {
        text: String,
        label: String,
    },
    /// A view drawn as HTML, which the address (`query`) says: a session, the speakers, or "Mes
    /// favoris"; of the programme at `programme`, with the favourites as stored, in the
    /// interface's language, with the visitor's times or the event's, and the page's address
    /// (for the share link).
    View {
        programme: String,
        favourites: String,
        query: String,
        lang: String,
        local: bool,
        base: String,
    },
}

const PREFIX: &str = "{\"tool\":";

impl Request {
    /// The request's text, as the page sends it.
    pub fn to_text(&self) -> String {
        let q = |s: &str| {
            let mut out = String::new();
            json::write_string(s, &mut out);
            out
        };
        match self {
            Request::Ics { programme, ids, now } => {
                let ids: Vec<String> = ids.iter().map(|i| q(i.as_str())).collect();
                format!(
                    "{PREFIX}\"ics\",\"programme\":{},\"ids\":[{}],\"now\":{now}}}",
                    q(programme),
                    ids.join(",")
                )
            }
            Request::Qr { text, label } => {
                format!("{PREFIX}\"qr\",\"text\":{},\"label\":{}}}", q(text), q(label))
            }
            Request::View {
                programme,
                favourites,
                query,
                lang,
                local,
                base,
            } => format!(
                "{PREFIX}\"view\",\"programme\":{},\"favourites\":{},\"query\":{},\"lang\":{},\"local\":{local},\"base\":{}}}",
                q(programme),
                q(favourites),
                q(query),
                q(lang),
                q(base)
            ),
        }
    }

    /// Reads a request; `None` for any other text (a programme file to read).
    pub fn parse(text: &str) -> Option<Request> {
        if !text.starts_with(PREFIX) {
            return None;
        }
        let v = json::parse(text).ok()?;
        let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        match v.get("tool").and_then(Value::as_str)? {
            "ics" => {
                let ids = match v.get("ids") {
                    Some(Value::Array(a)) => a
                        .iter()
                        .filter_map(Value::as_str)
                        .map(|i| SessionId(i.to_owned()))
                        .collect(),
                    _ => Vec::new(),
                };
                Some(Request::Ics {
                    programme: s("programme")?,
                    ids,
                    now: v.get("now").and_then(Value::as_i64).unwrap_or(0),
                })
            }
            "qr" => Some(Request::Qr {
                text: s("text")?,
                label: s("label").unwrap_or_default(),
            }),
            "view" => Some(Request::View {
                programme: s("programme")?,
                favourites: s("favourites").unwrap_or_default(),
                query: s("query").unwrap_or_default(),
                lang: s("lang").unwrap_or_default(),
                local: v.get("local") == Some(&Value::Bool(true)),
                base: s("base").unwrap_or_default(),
            }),
            _ => None,
        }
    }
}

/// The calendar of `ids` (those still in the programme, in time order) from a programme file's
/// text in any format the agenda reads. `key` (the programme's address) makes the UIDs unique.
pub fn ics(programme_text: &str, ids: &[SessionId], key: &str, now: i64) -> Result<String, String> {
    let p = crate::read_programme(programme_text).map_err(|e| e.to_string())?;
    let positions: Vec<usize> = (0..p.sessions.len())
        .filter(|&i| ids.contains(&p.sessions[i].id))
        .collect();
    if positions.is_empty() {
        return Err("no session".into());
    }
    Ok(crate::ical::calendar(
        &p,
        &positions,
        key,
        &DateTime::from_instant(now, 0),
    ))
}

/// The answer to a request that needs no programme (the QR code).
pub fn qr(text: &str, label: &str) -> String {
    crate::qr::svg(text, label).unwrap_or_else(|| "too long".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_round_trip_and_other_texts_are_not_requests() {
        let ics = Request::Ics {
            programme: "programmes/a \"b\".json".into(),
            ids: vec![SessionId("x, y".into()), SessionId("é\n".into())],
            now: 1_770_000_000,
        };
        assert_eq!(Request::parse(&ics.to_text()), Some(ics));
        let qr = Request::Qr {
            text: "https://a.example/?fav=1&shared=1,2".into(),
            label: "Code QR".into(),
        };
        assert_eq!(Request::parse(&qr.to_text()), Some(qr));
        let view = Request::View {
            programme: "programme.json".into(),
            favourites: "{\"v\":1,\"items\":[{\"id\":\"a\"}]}".into(),
            query: "?fav=1&shared=a%2Cb".into(),
            lang: "en".into(),
            local: true,
            base: "http://127.0.0.1:8080/agenda/?fav=1#x".into(),
        };
        assert_eq!(Request::parse(&view.to_text()), Some(view));
        assert_eq!(Request::parse("{\"schedule\": {}}"), None);
        assert_eq!(Request::parse("<?xml version=\"1.0\"?><schedule/>"), None);
        assert_eq!(Request::parse("{\"tool\":\"rm -rf\"}"), None);
        assert_eq!(Request::parse("{\"tool\":\"ics\"}"), None, "no programme");
    }

    #[test]
    fn a_calendar_of_chosen_sessions_in_time_order() {
        let text = r#"{"agenda_format": 1, "event": {"title": "T", "time_zone": "Europe/Paris"},
          "sessions": [
            {"id": "b", "title": "Later", "start": "2026-02-10T14:00:00+01:00", "end": "2026-02-10T15:00:00+01:00"},
            {"id": "a", "title": "Sooner", "start": "2026-02-10T09:00:00+01:00", "end": "2026-02-10T10:00:00+01:00"},
            {"id": "c", "title": "Not chosen", "start": "2026-02-10T11:00:00+01:00", "end": "2026-02-10T12:00:00+01:00"}
          ]}"#;
        let ids = [SessionId("b".into()), SessionId("a".into()), SessionId("gone".into())];
        let cal = ics(text, &ids, "programme.json", 1_770_000_000).unwrap_or_default();
        let sooner = cal.find("SUMMARY:Sooner");
        let later = cal.find("SUMMARY:Later");
        assert!(sooner.is_some() && later.is_some() && sooner < later, "{cal}");
        assert!(!cal.contains("Not chosen"));
        assert!(cal.contains("DTSTART:20260210T080000Z\r\n"));
        assert!(ics(text, &[SessionId("gone".into())], "k", 0).is_err());
        assert!(ics("not a programme", &ids, "k", 0).is_err());
    }
}
