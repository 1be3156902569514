"""Place the character network: a deterministic force layout in unit coordinates.

Fruchterman-Reingold with numpy, started from a circle ordered by importance so
the same world always gives the same picture, followed by a few passes that push
apart nodes closer than a minimum gap so circles and labels stay readable for
the 2-60 nodes we draw.
"""

from __future__ import annotations

import math

import numpy as np


def _spread(pos: np.ndarray, gap: float, passes: int = 60) -> np.ndarray:
    """Push apart any two nodes nearer than ``gap`` (in the unit square) until none are."""
    count = len(pos)
    for _ in range(passes):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.linalg.norm(delta, axis=2) + np.eye(count) * 10
        if dist.min() >= gap:
            break
        push = np.where(dist < gap, (gap - dist) / 2 / np.maximum(dist, 1e-6), 0.0)[:, :, None] * delta
        pos = np.clip(pos + push.sum(axis=1), 0.0, 1.0)
    return pos


def force_layout(count: int, edges: list[tuple[int, int, float]],
                 iterations: int = 300) -> list[tuple[float, float]]:
    """Positions in [0, 1]^2 for ``count`` nodes joined by weighted ``edges`` (a, b, weight).

    Each axis is stretched to fill [0, 1] (a flat layout stays centred), since the
    picture is drawn into a wide rectangle anyway.
    """
    if count == 0:
        return []
    if count == 1:
        return [(0.5, 0.5)]
    angles = np.linspace(0, 2 * math.pi, count, endpoint=False) + math.pi
    pos = np.stack([np.cos(angles), np.sin(angles)], axis=1) * 0.5
    weights = np.zeros((count, count))
    for a, b, w in edges:
        if a != b:
            weights[a, b] = weights[b, a] = max(weights[a, b], math.log1p(max(w, 0.0)))
    if weights.max() > 0:
        weights /= weights.max()
    k = 1.0 / math.sqrt(count)
    temperature = 0.1
    pull = (0.1 + weights) * (weights > 0) / k
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist2 = np.maximum(np.einsum("ijk,ijk->ij", delta, delta), 1e-6)
        # Net force on each node: repulsion k²/d and attraction d²/k, both along delta / d.
        factor = k * k / dist2 - pull * np.sqrt(dist2)
        move = np.einsum("ij,ijk->ik", factor, delta) - pos * 0.3
        length = np.maximum(np.sqrt(np.einsum("ik,ik->i", move, move)), 1e-9)
        pos += move * (np.minimum(length, temperature) / length)[:, None]
        temperature *= 0.985
    low, high = pos.min(axis=0), pos.max(axis=0)
    span = high - low
    scaled = np.where(span > 1e-6, (pos - low) / np.maximum(span, 1e-6), 0.5)
    scaled = _spread(scaled, gap=min(0.25, 0.6 / math.sqrt(count)))
    return [(round(float(x), 4), round(float(y), 4)) for x, y in scaled]
