#!/usr/bin/env python3
"""Runs a FairGate audit on Apache Spark: each partition of the rows is piped through the
`fairgate` binary on an executor (`fairgate evidence partial`), the partial evidence is
collected on the driver, merged exactly (`fairgate evidence merge`) and audited
(`fairgate audit --evidence`). The findings equal those of `fairgate audit` on one machine.

    spark-submit --master local[2] contrib/spark/fairgate_spark.py \
        --fairgate .build/release/fairgate --manifest audit.yaml \
        --data rows.csv --partitions 4 --out reports/

The binary, the manifest's folder (with its model) and the policy packs are shipped to the
executors with SparkContext.addFile. The data may be CSV or Parquet and must hold the
manifest's row-id column (`data: id_column`), whose values name each row uniquely.
"""

import argparse
import csv
import io
import os
import subprocess
import sys
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


def partition_runner(binary, manifest_dir, manifest_name, packs, columns):
    """The function each executor runs on one partition: the rows as CSV into
    `fairgate evidence partial`, its partial evidence (JSON bytes) out."""

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
        manifest = os.path.join(SparkFiles.get(manifest_dir), manifest_name)
        command = [executable, "evidence", "partial", manifest,
                   "--partition-id", "part-%05d" % index, "--input", "-", "--threads", "1"]
        if packs:
            command += ["--packs", SparkFiles.get(packs)]
        result = subprocess.run(command, input=text.getvalue().encode("utf-8"),
                                capture_output=True, check=False)
        if result.returncode != 0:
            raise RuntimeError("fairgate evidence partial failed on partition %d (exit %d): %s"
                               % (index, result.returncode, result.stderr.decode()))
        yield result.stdout

    return run


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
    context.addFile(binary)
    manifest_dir = os.path.dirname(manifest)
    context.addFile(manifest_dir, recursive=True)
    packs = None
    if arguments.packs:
        context.addFile(os.path.abspath(arguments.packs), recursive=True)
        packs = os.path.basename(os.path.abspath(arguments.packs))
    runner = partition_runner(os.path.basename(binary), os.path.basename(manifest_dir),
                              os.path.basename(manifest), packs, frame.columns)
    partials = frame.rdd.mapPartitionsWithIndex(runner).collect()
    scan_seconds = time.time() - started

    os.makedirs(arguments.out, exist_ok=True)
    folder = os.path.join(arguments.out, "partials")
    os.makedirs(folder, exist_ok=True)
    paths = []
    for index, partial in enumerate(partials):
        path = os.path.join(folder, "partial-%05d.json" % index)
        with open(path, "wb") as handle:
            handle.write(partial)
        paths.append(path)
    merged = os.path.join(arguments.out, "evidence.json")
    pack_options = ["--packs", os.path.abspath(arguments.packs)] if arguments.packs else []
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
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
