package org.parax4j.spark;

import org.apache.spark.sql.SparkSession;

/** One local[2] session for every test of the module (starting Spark takes seconds). */
final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    /** The session: two cores, a task may fail up to 3 times (so a killed task is retried). */
    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder().master("local[2,3]").appName("parax4j-spark-tests")
                    .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1").config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
