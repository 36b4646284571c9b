mod graph;
mod seeds_align;
