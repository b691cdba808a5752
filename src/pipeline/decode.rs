//! Decoding a chunk on every core, keeping input order.

use arrow::record_batch::RecordBatch;

use crate::record::{Decoder, Rejection};
use crate::sources::{Chunk, ChunkBody};

/// What one worker made of its share of a chunk.
#[derive(Debug)]
pub(crate) struct DecodedPart {
    /// The accepted records.
    pub(crate) batch: RecordBatch,
    /// For each row of `batch`, the index of its record in the chunk.
    pub(crate) items: Vec<u32>,
    /// Rejected records: index in the chunk and why.
    pub(crate) rejects: Vec<(u32, Rejection)>,
}

/// Decodes `chunk` with one decoder per worker; the parts come back in
/// input order.
pub(crate) fn decode_chunk(decoders: &mut [Decoder], chunk: &Chunk) -> Vec<DecodedPart> {
    let n = chunk.len();
    let workers = decoders.len().clamp(1, n.max(1));
    if workers == 1 || n < 2_048 {
        return vec![decode_range(&mut decoders[0], chunk, 0, n)];
    }
    let per = n.div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = decoders
            .iter_mut()
            .take(workers)
            .enumerate()
            .map(|(w, decoder)| {
                let (start, end) = (w * per, ((w + 1) * per).min(n));
                scope.spawn(move || decode_range(decoder, chunk, start, end))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

fn decode_range(decoder: &mut Decoder, chunk: &Chunk, start: usize, end: usize) -> DecodedPart {
    let mut items = Vec::with_capacity(end - start);
    let mut rejects = Vec::new();
    for i in start..end {
        let outcome = match &chunk.body {
            ChunkBody::Json { buf, items } => {
                let item = items[i];
                decoder.push_json(&buf[item.start as usize..item.end as usize])
            }
            ChunkBody::Csv { header, rows } => decoder.push_csv(header, &rows[i].1),
        };
        match outcome {
            Ok(()) => items.push(i as u32),
            Err(r) => rejects.push((i as u32, r)),
        }
    }
    DecodedPart {
        batch: decoder.finish(),
        items,
        rejects,
    }
}
