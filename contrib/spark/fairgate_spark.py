#!/usr/bin/env python3
"""Runs a FairGate audit on Apache Spark: each partition of the rows is piped through the
`fairgate` binary on an executor (`fairgate evidence partial`), the partial evidence is
collected on the driver, merged exactly (`fairgate evidence merge`) and audited
(`fairgate audit --evidence`). The findings equal those of `fairgate audit` on one machine.
When the audit fixes values from all rows (a background sampled from the data, the values
counterfactual flips try; `fairgate evidence passes` says so), a first pass draws them from
every partition (`fairgate evidence sample`), merged on the driver and shipped to the
second.

    spark-submit --master local[2] contrib/spark/fairgate_spark.py \
        --fairgate .build/release/fairgate --manifest audit.yaml \
        --data rows.csv --partitions 4 --out reports/

The binary is shipped to the executors with SparkContext.addFile, and the files partial
evidence reads besides the rows (`fairgate evidence inputs`: the manifest, its model, a
background file, the policies) in one archive with SparkContext.addArchive, at their places
relative to each other, so that the manifest's relative paths resolve there too. The data may be CSV or Parquet and must hold the
manifest's row-id column (`data: id_column`), whose values name each row uniquely.
"""

import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fairgate", required=True, help="the fairgate binary (a static build)")
    parser.add_argument("--manifest", required=True, help="the audit manifest")
    parser.add_argument("--data", required=True, help="the rows: a CSV or Parquet path")
    parser.add_argument("--id-column", help="the row-id column (default: the manifest's)")
    parser.add_argument("--packs", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                        "..", "..", "policies"),
                        help="the policy pack folder (default: the repository's)")
    parser.add_argument("--partitions", type=int, default=0, help="repartition into this many")
    parser.add_argument("--out", required=True, help="the folder for evidence and reports")
    parser.add_argument("--format", action="append", default=[], help="a report format")
    parser.add_argument("--as-of", help="the date waivers are judged against")
    return parser.parse_args(argv)


def manifest_id_column(manifest):
    """The manifest's `id_column`, read without a YAML library (a plain scalar)."""
    with open(manifest, encoding="utf-8") as handle:
        for line in handle:
            stripped = line.split("#", 1)[0].strip()
            if stripped.startswith("id_column:"):
                return stripped.split(":", 1)[1].strip().strip("'\"") or None
    return None


def partition_runner(binary, bundle, manifest, packs, columns, command, sample=None):
    """The function each executor runs on one partition: the rows as CSV into
    `fairgate evidence COMMAND` (`sample` or `partial`), its JSON bytes out. `manifest` and
    `packs` are paths inside the unpacked bundle; `sample`, the name of a shipped file."""

    def run(index, rows):
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(columns)
        count = 0
        for row in rows:
            writer.writerow(["" if value is None else value_text(value) for value in row])
            count += 1
        if count == 0:
            return
        executable = SparkFiles.get(binary)
        os.chmod(executable, 0o755)
        root = SparkFiles.get(bundle)
        arguments = [executable, "evidence", command, os.path.join(root, manifest),
                     "--partition-id", "part-%05d" % index, "--input", "-", "--threads", "1",
                     "--packs", os.path.join(root, packs)]
        if sample:
            arguments += ["--sample", SparkFiles.get(sample)]
        result = subprocess.run(arguments, input=text.getvalue().encode("utf-8"),
                                capture_output=True, check=False)
        if result.returncode != 0:
            raise RuntimeError("fairgate evidence %s failed on partition %d (exit %d): %s"
                               % (command, index, result.returncode, result.stderr.decode()))
        yield result.stdout

    return run


def bundle_inputs(binary, manifest, packs, folder):
    """An archive of the files partial evidence reads besides the rows, at their places
    relative to their common folder; returns its path and the manifest's and packs' places
    inside it."""
    listed = subprocess.run([binary, "evidence", "inputs", manifest, "--packs", packs],
                            capture_output=True, check=False)
    if listed.returncode != 0:
        sys.exit(listed.stderr.decode().rstrip())
    files = [line for line in listed.stdout.decode().splitlines() if line]
    pack_files = [os.path.join(packs, name) for name in sorted(os.listdir(packs))
                  if name.endswith(".yaml")]
    everything = sorted(set(files + [os.path.realpath(path) for path in pack_files]))
    root = os.path.commonpath([os.path.dirname(path) for path in everything])
    archive = os.path.join(folder, "fairgate-inputs.tar.gz")
    with tarfile.open(archive, "w:gz") as bundle:
        for path in everything:
            bundle.add(path, arcname=os.path.relpath(path, root))
    return archive, os.path.relpath(manifest, root), os.path.relpath(packs, root)


def write_all(contents, folder, stem):
    """Writes each collected result to FOLDER/STEM-NNNNN.json; returns the paths."""
    os.makedirs(folder, exist_ok=True)
    paths = []
    for index, content in enumerate(contents):
        path = os.path.join(folder, "%s-%05d.json" % (stem, index))
        with open(path, "wb") as handle:
            handle.write(content)
        paths.append(path)
    return paths


def value_text(value):
    """A value as CSV text that fairgate parses back to the same value."""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def main(argv):
    arguments = parse_arguments(argv)
    manifest = os.path.abspath(arguments.manifest)
    id_column = arguments.id_column or manifest_id_column(manifest)
    if not id_column:
        sys.exit("error: %s: the manifest declares no 'id_column'; a distributed audit needs a "
                 "stable row id (give --id-column or declare it)" % manifest)
    spark = SparkSession.builder.appName("fairgate audit").getOrCreate()
    context = spark.sparkContext
    started = time.time()

    if arguments.data.endswith(".parquet") or os.path.isdir(arguments.data):
        frame = spark.read.parquet(arguments.data)
    else:
        # Every column as text, as written: fairgate parses the values itself.
        frame = spark.read.option("header", True).option("inferSchema", False).csv(arguments.data)
    if id_column not in frame.columns:
        sys.exit("error: %s: no column '%s' (the row id)" % (arguments.data, id_column))
    if frame.select(id_column).distinct().count() != frame.count():
        sys.exit("error: %s: the id column '%s' repeats a value" % (arguments.data, id_column))
    if arguments.partitions > 0:
        frame = frame.repartition(arguments.partitions)

    binary = os.path.abspath(arguments.fairgate)
    packs = os.path.realpath(arguments.packs)
    staging = tempfile.mkdtemp(prefix="fairgate-spark-")
    archive, manifest_place, packs_place = bundle_inputs(
        binary, os.path.realpath(manifest), packs, staging)
    context.addFile(binary)
    context.addArchive(archive)
    passes = subprocess.run([binary, "evidence", "passes", manifest, "--packs", packs],
                            capture_output=True, check=False)
    if passes.returncode != 0:
        sys.exit(passes.stderr.decode().rstrip())
    os.makedirs(arguments.out, exist_ok=True)
    sample = None
    if "sample" in passes.stdout.decode().split():
        # What is fixed from all rows is drawn first; the rows are read once for both passes.
        frame = frame.cache()
        runner = partition_runner(os.path.basename(binary), os.path.basename(archive),
                                  manifest_place, packs_place, frame.columns, "sample")
        drawn = write_all(frame.rdd.mapPartitionsWithIndex(runner).collect(),
                          os.path.join(arguments.out, "samples"), "sample")
        sample = os.path.join(staging, "evidence-sample.json")
        subprocess.run([binary, "evidence", "merge", *drawn, "--out", sample], check=True)
        context.addFile(sample)
    runner = partition_runner(os.path.basename(binary), os.path.basename(archive),
                              manifest_place, packs_place, frame.columns, "partial",
                              os.path.basename(sample) if sample else None)
    paths = write_all(frame.rdd.mapPartitionsWithIndex(runner).collect(),
                      os.path.join(arguments.out, "partials"), "partial")
    scan_seconds = time.time() - started

    merged = os.path.join(arguments.out, "evidence.json")
    pack_options = ["--packs", packs]
    subprocess.run([binary, "evidence", "merge", *paths, "--out", merged], check=True)
    audit = [binary, "audit", manifest, "--evidence", merged, "--out", arguments.out,
             *pack_options]
    for report in arguments.format or ["json"]:
        audit += ["--format", report]
    if arguments.as_of:
        audit += ["--as-of", arguments.as_of]
    status = subprocess.run(audit).returncode
    print("fairgate-spark: %d partitions, %d partials, data pass %.1f s, total %.1f s"
          % (frame.rdd.getNumPartitions(), len(paths), scan_seconds, time.time() - started),
          file=sys.stderr)
    spark.stop()
    shutil.rmtree(staging, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
