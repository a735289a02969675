"""The Spark engine runs the same stages and gives the same result as the local engine."""

from __future__ import annotations

import shutil

import pytest

import marsad

pytest.importorskip("pyspark", reason="the spark extra is not installed")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)


@pytest.fixture(scope="module")
def spark_result(seeds_dir):
    from marsad.engines.spark import session

    spark = session("local[2]")
    try:
        yield marsad.analyze([seeds_dir], engine="spark", spark_master="local[2]")
    finally:
        spark.stop()


def test_spark_matches_local(seeds_dir, spark_result):
    local = marsad.analyze([seeds_dir])
    assert [a.id for a in spark_result.articles] == [a.id for a in local.articles]
    assert [a.published for a in spark_result.articles] == [a.published for a in local.articles]
    assert [s.id for s in spark_result.stories] == [s.id for s in local.stories]
    ours, theirs = spark_result.stories[0], local.stories[0]
    assert sorted(e.id for e in ours.entities) == sorted(e.id for e in theirs.entities)
    assert [(q.text, q.speaker_entity_id) for q in ours.quotes] == [(q.text, q.speaker_entity_id) for q in theirs.quotes]
    assert [c.text for c in ours.claims] == [c.text for c in theirs.claims]
    marsad.validate(spark_result.to_dict())


def test_unknown_engine_is_a_config_error(seeds_dir):
    from marsad.errors import ConfigError

    with pytest.raises(ConfigError, match="engine"):
        marsad.analyze([seeds_dir], engine="hadoop")
