/** The consumer example as a named module: on the module path it reads parax4j's engine module. */
module org.example.consumer {
    requires org.parax4j.engine;
}
