/**
 * The embedded H2 database's durability: acknowledged writes on disk before the answer, online backup.
 *
 * <p>Uses nothing of the application.
 */
package cn.jixiao.storage;
