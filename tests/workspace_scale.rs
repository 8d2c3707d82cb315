//! A workspace of a few thousand files: each found, identified, and every
//! citation of a document found across them. Also a binary file, a file
//! too large, a symlink loop and skipped folders.

use std::path::PathBuf;

use dossier_lsp::workspace::{scan_folder, ScanLimits, Workspace};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-lsp-ws-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn three_thousand_documents_citing_each_other() {
    let dir = scratch("many");
    let n = 3000u32;
    for i in 0..n {
        let sub = dir.join(format!("map{}", i % 10));
        std::fs::create_dir_all(&sub).unwrap();
        let cited = 30000 + (i + 1) % n;
        let text = format!(
            "Brief nummer {i} over het onderwerp.1\n1 Kamerstuk {} {:03}, nr. 1.\nTweede Kamer, vergaderjaar 2023–2024, {} {:03}, nr. 1 1\n",
            cited / 1000,
            cited % 1000,
            (30000 + i) / 1000,
            (30000 + i) % 1000,
        );
        std::fs::write(sub.join(format!("brief-{i}.txt")), text).unwrap();
    }
    // Not dossiers: skipped folders and other extensions.
    for skipped in [".git", "node_modules", "target"] {
        std::fs::create_dir_all(dir.join(skipped)).unwrap();
        std::fs::write(
            dir.join(skipped).join("x.txt"),
            "Kamerstuk 30 000, nr. 1.\n",
        )
        .unwrap();
    }
    std::fs::write(dir.join("notes.md"), "Kamerstuk 30 000, nr. 1.\n").unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x00\x01\x02Kamerstuk").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&dir, dir.join("map0").join("loop")).unwrap();

    let scan = scan_folder(
        &dir,
        &["**/*.txt".to_string()],
        &ScanLimits::default(),
        &|_, _| {},
    );
    assert_eq!(scan.documents.len(), n as usize);
    let problems: Vec<String> = scan
        .problems
        .iter()
        .map(|p| p.message.render(dossier_lsp::i18n::Lang::En))
        .collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("binary"), "{problems:?}");

    let mut ws = Workspace::new();
    for (path, summary) in scan.documents {
        ws.insert(&path.display().to_string(), summary);
    }
    assert_eq!(ws.len(), n as usize);
    for i in [0u32, 1234, 2999] {
        let id = format!("kst-{}-1", 30000 + i);
        let docs = ws.documents_with_id(&id);
        assert_eq!(docs.len(), 1, "{id}");
        assert!(
            docs[0].0.ends_with(&format!("brief-{i}.txt")),
            "{id}: {}",
            docs[0].0
        );
        let citing = ws.citations_of(&id);
        let from = (i + n - 1) % n;
        assert_eq!(citing.len(), 1, "{id}");
        assert!(
            citing[0].0.ends_with(&format!("brief-{from}.txt")),
            "{id} cited by {}",
            citing[0].0
        );
    }
    let hits = ws.search("kst-31234");
    assert_eq!(hits.iter().filter(|h| !h.cited).count(), 1);

    let limited = ScanLimits {
        max_file_bytes: 40,
        ..ScanLimits::default()
    };
    let scan = scan_folder(
        &dir.join("map3"),
        &["*.txt".to_string()],
        &limited,
        &|_, _| {},
    );
    assert!(scan.documents.is_empty());
    assert_eq!(scan.problems.len(), 300);
    assert!(scan.problems[0]
        .message
        .render(dossier_lsp::i18n::Lang::En)
        .contains("more than the limit of 40"));
    std::fs::remove_dir_all(&dir).unwrap();
}
