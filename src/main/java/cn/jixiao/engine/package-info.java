/**
 * What customises Camunda itself: history level, user-error unwrapping, Spin's JSON, indexes, the authorization manager, own-account rights and the plugins that install them; the REST API's HAL cache of process definitions; the plain statements of the Tasklist's 本单位待办; in a cluster, the start-up lock of nodes on PostgreSQL and the node's name as its job lock owner.
 *
 * <p>Uses nothing of the application; every other package may use it.
 */
package cn.jixiao.engine;
