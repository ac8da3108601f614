#!/usr/bin/env python3
"""The guide's companion program, rewritten from the description in docs/guide-and-reference.md, in numpy.

Backprop Lab's tests compare the engine against numbers printed by this script (it is not run
by the build). Usage: scripts/reference.py SEED EPOCHS [EVERY]
Prints the starting parameters, then "epoch loss" every EVERY epochs and the final predictions.
"""
import sys
import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)


def loss_of(W1, b1, W2, b2):
    h = np.maximum(0, X @ W1 + b1)
    p = 1 / (1 + np.exp(-(h @ W2 + b2)))
    p = np.clip(p, 1e-15, 1 - 1e-15)
    return np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))), p


def main():
    seed, epochs = int(sys.argv[1]), int(sys.argv[2])
    every = int(sys.argv[3]) if len(sys.argv) > 3 else max(1, epochs // 10)
    np.random.seed(seed)
    W1 = np.random.randn(2, 2)
    b1 = np.random.randn(1, 2)
    W2 = np.random.randn(2, 1)
    b2 = np.random.randn(1, 1)
    params = [W1, b1, W2, b2]
    print("start", " ".join(repr(float(v)) for P in params for v in P.flat))
    lr, eps = 0.03, 1e-4
    for epoch in range(epochs):
        before, _ = loss_of(*params)
        if epoch % every == 0:
            print(epoch, repr(float(before)))
        grads = []
        for P in params:
            g = np.zeros_like(P)
            for idx in np.ndindex(P.shape):
                saved = P[idx]
                P[idx] = saved + eps
                after, _ = loss_of(*params)
                P[idx] = saved
                g[idx] = (after - before) / eps
            grads.append(g)
        for P, g in zip(params, grads):
            P -= lr * g
    final, p = loss_of(*params)
    print(epochs, repr(float(final)))
    print("params", " ".join(repr(float(v)) for P in params for v in P.flat))
    print("predictions", " ".join(repr(float(v)) for v in p.flat))


if __name__ == "__main__":
    main()
