"""The input pipeline of ``cnnlab.train``: shuffled batches, augmentation, one-hot labels.

Whole batches are gathered and augmented by TensorFlow ops in a ``tf.data`` pipeline that runs
ahead of training (prefetch), so augmentation costs no Python per image. Shuffling and
augmentation use seeded (stateless) random numbers: the batches depend only on ``seed``.

The pipeline's parallelism is fixed (two batches prepared in parallel, two ready ahead) and
tf.data's autotuning is off: gathering a batch costs little next to a training step, and an
autotuned iterator is slow to free. Python's garbage collector frees the iterators of finished
``model.fit`` calls, and with autotuning on one collection took 2 to 10 s (measured in lab07,
which trains 16 small models in a row: its comparison went from 25-43 s to 19 s without it).
"""

from __future__ import annotations

import numpy as np
import tensorflow as tf

PARALLEL_BATCHES = 2  # batches gathered (and augmented) at the same time
PREFETCH_BATCHES = 2  # batches kept ready ahead of the training step


def make_dataset(
    x: np.ndarray,
    y: np.ndarray,
    *,
    batch_size: int,
    seed: int = 0,
    augment: bool = False,
    one_hot: int | None = None,
    shuffle: bool = False,
) -> tf.data.Dataset:
    """Batches ``(images, labels)`` of ``x`` (N, H, W, C) and integer ``y`` (N,).

    ``shuffle`` draws a new order every epoch (the sequence of orders is fixed by ``seed``);
    ``augment`` applies ``flip_and_shift``; ``one_hot=K`` turns labels into (B, K) float32
    vectors (what label smoothing needs). Images keep their dtype.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    images = tf.convert_to_tensor(x)
    labels = tf.convert_to_tensor(np.asarray(y, dtype=np.int64))
    order = tf.data.Dataset.range(len(x))
    if shuffle:
        order = order.shuffle(len(x), seed=seed, reshuffle_each_iteration=True)
    batches = order.batch(batch_size)
    if augment:
        # Four random int64 per batch: the seeds of the flip and of the shift.
        noise = tf.data.Dataset.random(seed=seed, rerandomize_each_iteration=True).batch(4)
        batches = tf.data.Dataset.zip(batches, noise)

    def gather(index: tf.Tensor, noise: tf.Tensor | None = None):
        batch_x, batch_y = tf.gather(images, index), tf.gather(labels, index)
        if noise is not None:
            batch_x = flip_and_shift(batch_x, noise[:2], noise[2:])
        if one_hot is not None:
            batch_y = tf.one_hot(batch_y, one_hot)
        return batch_x, batch_y

    options = tf.data.Options()
    options.autotune.enabled = False  # see the module docstring
    pipeline = batches.map(gather, num_parallel_calls=PARALLEL_BATCHES).prefetch(PREFETCH_BATCHES)
    return pipeline.with_options(options)


def flip_and_shift(
    images: tf.Tensor, flip_seed: tf.Tensor, shift_seed: tf.Tensor, max_shift: int = 2
) -> tf.Tensor:
    """Mirror each image left-right with probability 1/2 and shift it by up to ``max_shift`` px.

    ``images`` (B, H, W, C) -> (B, H, W, C), same dtype; the shift pads with zeros and moves
    each image independently in both directions. Seeds are shape-(2,) integer tensors.
    """
    count = tf.shape(images)[0]
    height, width = images.shape[1], images.shape[2]
    flip = tf.random.stateless_uniform([count], seed=flip_seed) < 0.5
    images = tf.where(flip[:, None, None, None], tf.reverse(images, axis=[2]), images)
    pad = [[0, 0], [max_shift, max_shift], [max_shift, max_shift], [0, 0]]
    padded = tf.pad(images, pad)
    offsets = tf.random.stateless_uniform(
        [count, 2], seed=shift_seed, minval=0, maxval=2 * max_shift + 1, dtype=tf.int32
    )
    rows = offsets[:, :1] + tf.range(height)[None, :]  # (B, H): rows each image keeps
    cols = offsets[:, 1:] + tf.range(width)[None, :]  # (B, W)
    shifted = tf.gather(padded, rows, axis=1, batch_dims=1)  # (B, H, W + 2s, C)
    return tf.gather(shifted, cols, axis=2, batch_dims=1)  # (B, H, W, C)
