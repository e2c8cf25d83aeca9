/**
 * Demo users and a demo report, only with the demo profile.
 *
 * <p>Uses workflow, record, unit and security.
 */
package cn.jixiao.demo;
