"""Annotates a JSONL dataset with Spark, through the textmarker CLI's JSONL contract.

    spark-submit --master 'local[*]' examples/spark/annotate.py \\
        --binary target/release/textmarker INPUT OUTPUT [--format jsonl|parquet]

INPUT is anything Spark's text reader takes: a JSONL file, a directory or glob of them, `.gz`
included (a `.gz` file is never split: gzip cannot be). Each partition's lines are
piped through one `textmarker annotate --jsonl` process on the executor; its result lines
come back in the same order, one per non-blank input line, and carry the input's id (the CLI
echoes it). OUTPUT is a directory of JSONL part files (for one input file in input order when
read in name order; several files are packed into partitions largest first), or with
`--format parquet` a Parquet table with the columns `id` (the input's id as text: a string as
it is, other values as JSON, null where the line had none) and `result` (the CLI's result line).
`--overwrite` replaces an existing OUTPUT.

Lines reach the CLI as the bytes stored, not decoded: a line that is not UTF-8 gets the CLI's
error record, with its id and the offset of the bad byte, as it would outside Spark (Spark's
`textFile` would have put U+FFFD in place of the bad bytes and annotated the damaged text).

Why `mapPartitions` over a subprocess rather than `RDD.pipe`: both start one CLI per partition
and stream lines through it, but the CLI's exit code means something. Exit 1 says some lines
failed, and those carry their error records in the output, so the task must go on; any other
exit, or a result count that differs from the input count, is a crash, and the task must fail
so that Spark retries it. `RDD.pipe` can only ignore every non-zero exit or fail on all of
them. Blank lines are dropped before the CLI sees them (it skips them too), so results stay
one to one with the lines sent.
"""

import argparse
import os
import subprocess
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession, functions

# The CLI's exit codes: 0 every line annotated, 1 some lines failed (their records say why).
ANNOTATED_WITH_ERRORS = 1


def annotate_partition(binary_name, cli_args):
    """A mapPartitions function: the partition's lines through one CLI process, in order."""

    def run(lines):
        binary = SparkFiles.get(binary_name)
        if not os.access(binary, os.X_OK):
            os.chmod(binary, 0o755)
        process = subprocess.Popen(
            [binary, "annotate", "--jsonl", "--quiet", *cli_args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        sent = [0]

        def feed():
            # A thread writes while this one reads, so neither pipe can fill up and stall.
            try:
                for line in lines:
                    if line.strip():
                        process.stdin.write(line + b"\n")
                        sent[0] += 1
            finally:
                process.stdin.close()

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        received = 0
        for result in process.stdout:
            received += 1
            yield result.decode("utf-8").rstrip("\n")
        feeder.join()
        code = process.wait()
        if code not in (0, ANNOTATED_WITH_ERRORS) or received != sent[0]:
            raise RuntimeError(
                f"textmarker exited with {code} after {received} of {sent[0]} lines"
            )

    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSONL file(s), directory or glob; .gz is read too")
    parser.add_argument("output", help="output directory (must not exist)")
    parser.add_argument(
        "--binary",
        default="textmarker",
        help="the textmarker CLI: a path on the driver, shipped to the executors, or the name "
        "of a file already shipped with spark-submit --files (default: textmarker)",
    )
    parser.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument(
        "--overwrite", action="store_true", help="replace OUTPUT when it exists"
    )
    parser.add_argument(
        "--min-partitions",
        type=int,
        default=None,
        help="split the input into at least this many partitions (default: Spark's)",
    )
    parser.add_argument(
        "--cli-arg",
        action="append",
        default=[],
        help="an extra argument for `textmarker annotate --jsonl`, e.g. --cli-arg=--offsets=utf16",
    )
    args = parser.parse_args()

    spark = SparkSession.builder.appName("textmarker-annotate").getOrCreate()
    context = spark.sparkContext
    context.setLogLevel("WARN")
    if os.path.isfile(args.binary):
        context.addFile(os.path.abspath(args.binary))
    binary_name = os.path.basename(args.binary)

    if args.overwrite:
        hadoop_path = context._jvm.org.apache.hadoop.fs.Path(args.output)
        hadoop_path.getFileSystem(context._jsc.hadoopConfiguration()).delete(hadoop_path, True)
    if args.min_partitions:
        spark.conf.set("spark.sql.files.minPartitionNum", str(args.min_partitions))

    # Spark already runs one task per executor core: one CLI job each.
    cli_args = ["--jobs", "1", *args.cli_arg]
    # The text source keeps each line's bytes as stored; the cast hands them over undecoded.
    lines = (
        spark.read.text(args.input)
        .select(functions.col("value").cast("binary"))
        .rdd.map(lambda row: bytes(row[0]))
    )
    results = lines.mapPartitions(annotate_partition(binary_name, cli_args))
    if args.format == "jsonl":
        results.saveAsTextFile(args.output)
    else:
        table = spark.createDataFrame(results.map(lambda line: (line,)), "result string")
        table.select(
            functions.get_json_object("result", "$.id").alias("id"), "result"
        ).write.parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
