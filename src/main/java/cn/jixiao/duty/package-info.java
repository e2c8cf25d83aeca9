/**
 * Separation of duties at the engine's doors: which task or REST call each role may make in each stage, and the checks on /engine-rest.
 *
 * <p>Uses workflow, record, security, engine, http and report.
 */
package cn.jixiao.duty;
