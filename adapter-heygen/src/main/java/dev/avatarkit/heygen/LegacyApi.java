package dev.avatarkit.heygen;

import java.util.Map;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** HeyGen legacy v1/v2 routes (no idempotency keys anywhere). */
interface LegacyApi {
    @POST("v2/video/generate")
    Call<ResponseBody> generate(@Body Map<String, Object> body);

    @GET("v1/video_status.get")
    Call<ResponseBody> status(@Query("video_id") String id);

    @GET("v1/video.list")
    Call<ResponseBody> videos(@Query("limit") int limit, @Query("token") String token);

    @DELETE("v1/video.delete")
    Call<ResponseBody> delete(@Query("video_id") String id);

    @GET("v2/templates")
    Call<ResponseBody> templates();

    @GET("v2/template/{id}")
    Call<ResponseBody> template(@Path("id") String id);

    @POST("v2/template/{id}/generate")
    Call<ResponseBody> generateFromTemplate(@Path("id") String id, @Body Map<String, Object> body);

    @GET("v2/avatars")
    Call<ResponseBody> avatars();

    @GET("v2/voices")
    Call<ResponseBody> voices();

    @GET("v2/user/remaining_quota")
    Call<ResponseBody> quota();

    @POST("v2/photo_avatar/photo/generate")
    Call<ResponseBody> generatePhoto(@Body Map<String, Object> body);

    @POST("v2/photo_avatar/look/generate")
    Call<ResponseBody> generateLook(@Body Map<String, Object> body);

    @GET("v2/photo_avatar/generation/{id}")
    Call<ResponseBody> generation(@Path("id") String id);

    @POST("v2/photo_avatar/avatar_group/create")
    Call<ResponseBody> createGroup(@Body Map<String, Object> body);

    @POST("v2/photo_avatar/avatar_group/add")
    Call<ResponseBody> addToGroup(@Body Map<String, Object> body);

    @POST("v2/photo_avatar/train")
    Call<ResponseBody> train(@Body Map<String, Object> body);

    @GET("v2/photo_avatar/train/status/{group_id}")
    Call<ResponseBody> trainStatus(@Path("group_id") String groupId);

    @GET("v2/avatar_group/{group_id}/avatars")
    Call<ResponseBody> groupAvatars(@Path("group_id") String groupId);

    @POST("v1/webhook/endpoint.add")
    Call<ResponseBody> addWebhook(@Body Map<String, Object> body);

    /** On the upload host: raw bytes with the file's MIME type. */
    @POST("v1/asset")
    Call<ResponseBody> upload(@Body RequestBody bytes);
}
