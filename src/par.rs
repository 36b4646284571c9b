//! Data parallelism with or without rayon.
//!
//! With the `parallel` feature (a default) this is rayon's prelude. Without it, the same method
//! names run on one thread over std iterators, so the pipeline's code is written once: `par_iter`,
//! `par_iter_mut` and `into_par_iter` become `iter`, `iter_mut` and `into_iter`; `map_init`,
//! `flat_map_iter`, `flatten_iter`, `par_chunks`, `par_extend` and `par_sort_unstable` have serial
//! twins. Results are the same either way: the pipeline only uses rayon's order-keeping
//! operations (`collect` into a `Vec`, in-order `reduce`).

#[cfg(feature = "parallel")]
pub(crate) use rayon::prelude::*;

#[cfg(not(feature = "parallel"))]
pub(crate) use serial::*;

/// How many threads a parallel section uses (1 without the `parallel` feature).
pub(crate) fn threads() -> usize {
    #[cfg(feature = "parallel")]
    {
        rayon::current_num_threads().max(1)
    }
    #[cfg(not(feature = "parallel"))]
    {
        1
    }
}

/// Reduces the items of a parallel iterator in order: `identity()` for none, `op` to join two
/// adjacent results (rayon's `reduce`; std's `Iterator::reduce` takes no identity).
#[cfg(feature = "parallel")]
pub(crate) fn reduce_in_order<I, T, ID, OP>(items: I, identity: ID, op: OP) -> T
where
    I: ParallelIterator<Item = T>,
    T: Send,
    ID: Fn() -> T + Sync + Send,
    OP: Fn(T, T) -> T + Sync + Send,
{
    items.reduce(identity, op)
}

/// Reduces the items of an iterator in order: `identity()` for none, `op` to join two adjacent
/// results (the serial form of rayon's `reduce`).
#[cfg(not(feature = "parallel"))]
pub(crate) fn reduce_in_order<I, T, ID, OP>(items: I, identity: ID, op: OP) -> T
where
    I: Iterator<Item = T>,
    ID: Fn() -> T,
    OP: Fn(T, T) -> T,
{
    items.fold(identity(), op)
}

#[cfg(not(feature = "parallel"))]
mod serial {
    /// `par_iter()`: `iter()` of anything whose reference iterates.
    pub(crate) trait IntoParallelRefIterator<'a> {
        type Iter: Iterator;
        fn par_iter(&'a self) -> Self::Iter;
    }

    impl<'a, T: 'a + ?Sized> IntoParallelRefIterator<'a> for T
    where
        &'a T: IntoIterator,
    {
        type Iter = <&'a T as IntoIterator>::IntoIter;
        fn par_iter(&'a self) -> Self::Iter {
            self.into_iter()
        }
    }

    /// `par_iter_mut()`: `iter_mut()` of anything whose mutable reference iterates.
    pub(crate) trait IntoParallelRefMutIterator<'a> {
        type Iter: Iterator;
        fn par_iter_mut(&'a mut self) -> Self::Iter;
    }

    impl<'a, T: 'a + ?Sized> IntoParallelRefMutIterator<'a> for T
    where
        &'a mut T: IntoIterator,
    {
        type Iter = <&'a mut T as IntoIterator>::IntoIter;
        fn par_iter_mut(&'a mut self) -> Self::Iter {
            self.into_iter()
        }
    }

    /// `into_par_iter()`: `into_iter()`.
    pub(crate) trait IntoParallelIterator {
        type Iter: Iterator;
        fn into_par_iter(self) -> Self::Iter;
    }

    impl<T: IntoIterator> IntoParallelIterator for T {
        type Iter = T::IntoIter;
        fn into_par_iter(self) -> Self::Iter {
            self.into_iter()
        }
    }

    /// Rayon's iterator adaptors that std lacks.
    pub(crate) trait SerialAdaptors: Iterator + Sized {
        /// `map` with one piece of scratch state made by `init` (rayon makes one per thread).
        fn map_init<S, R>(
            self,
            init: impl FnOnce() -> S,
            mut f: impl FnMut(&mut S, Self::Item) -> R,
        ) -> impl Iterator<Item = R> {
            let mut state = init();
            self.map(move |x| f(&mut state, x))
        }

        /// `flat_map` over serial inner iterators.
        fn flat_map_iter<U: IntoIterator>(
            self,
            f: impl FnMut(Self::Item) -> U,
        ) -> std::iter::FlatMap<Self, U, impl FnMut(Self::Item) -> U> {
            self.flat_map(f)
        }
    }

    impl<I: Iterator> SerialAdaptors for I {}

    /// `flatten_iter`: `flatten` over serial inner iterators.
    pub(crate) trait SerialFlatten: Iterator<Item: IntoIterator> + Sized {
        fn flatten_iter(self) -> std::iter::Flatten<Self> {
            self.flatten()
        }
    }

    impl<I: Iterator<Item: IntoIterator>> SerialFlatten for I {}

    /// `par_chunks` and `par_sort_unstable` on slices.
    pub(crate) trait ParallelSlice<T> {
        fn par_chunks(&self, size: usize) -> std::slice::Chunks<'_, T>;
        fn par_sort_unstable(&mut self)
        where
            T: Ord;
    }

    impl<T> ParallelSlice<T> for [T] {
        fn par_chunks(&self, size: usize) -> std::slice::Chunks<'_, T> {
            self.chunks(size)
        }
        fn par_sort_unstable(&mut self)
        where
            T: Ord,
        {
            self.sort_unstable()
        }
    }

    /// `par_extend` on vectors.
    pub(crate) trait ParallelExtend<T> {
        fn par_extend(&mut self, items: impl IntoIterator<Item = T>);
    }

    impl<T> ParallelExtend<T> for Vec<T> {
        fn par_extend(&mut self, items: impl IntoIterator<Item = T>) {
            self.extend(items)
        }
    }
}
