"""``ficlens train attribution --pdnc DIR``: fit the quote-attribution ranker on PDNC novels."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def train() -> None:
    """Train ficlens's small learned models (see docs/attribution.md)."""


@train.command()
@click.option("--pdnc", "pdnc_dir", required=True, type=click.Path(path_type=str),
              help="PDNC folder holding one folder per novel.")
@click.option("--novel", "names", multiple=True, help="Only this novel; repeatable.")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=str),
              help="Where to write the weights (default: the model shipped in ficlens/data).")
@click.option("--scenes", "scenes_dir", type=click.Path(file_okay=False, path_type=str),
              help="Also train on our own annotated scenes in this folder (NAME.txt + NAME.json).")
@click.option("--litbank", "litbank_dir", type=click.Path(file_okay=False, path_type=str),
              help="Also train on LitBank's quotations (gold cast) in this folder.")
@click.option("--cross-validate", "check", is_flag=True,
              help="Also report leave-novels-out (2-fold) accuracy by quote type.")
@click.option("--seed", default=0, show_default=True,
              help="The hidden layer's first random draw (the same seed, the same weights).")
def attribution(pdnc_dir: str, names: tuple[str, ...], out: str | None, scenes_dir: str | None,
                litbank_dir: str | None, check: bool, seed: int) -> None:
    """Fit the speaker ranker on gold quotes and the gold cast of PDNC novels (and own scenes, and
    LitBank's excerpts)."""
    from importlib import resources

    from ..attribution.ranker import MODEL_FILE, save_weights
    from ..attribution.training import cross_validate, gold_world, report, scene_worlds
    from ..attribution.training import train as fit_ranker
    from ..eval.litbank import iter_documents
    from ..eval.pdnc import iter_novels

    scenes = scene_worlds(scenes_dir) if scenes_dir else []  # a bad scene fails before the long part
    litbank = [gold_world(document) for document in iter_documents(litbank_dir)] if litbank_dir else []
    golds = []
    for document in iter_novels(pdnc_dir, list(names)):
        click.echo(f"reading {document.name}", err=True)
        golds.append(gold_world(document))
    weights = fit_ranker(golds + litbank, seed=seed, scenes=scenes)
    target = Path(out) if out else Path(str(resources.files("ficlens.data").joinpath(MODEL_FILE)))
    about: dict[str, object] = {"trained_on": [g.name for g in golds], "scenes": [s.name for s in scenes],
                                "litbank": len(litbank), "seed": seed}
    if check:
        results = cross_validate(golds, progress=lambda names: click.echo(f"holding out {names}", err=True),
                                 seed=seed, scenes=scenes, extra=litbank)
        lines = report(results["gold cast"])
        click.echo("\n".join(lines))
        about["leave_novels_out_2_fold"] = lines
    save_weights(weights, target, about)
    click.echo(f"wrote {target}")
