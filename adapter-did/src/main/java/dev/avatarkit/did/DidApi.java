package dev.avatarkit.did;

import java.util.Map;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * The D-ID routes the adapter calls, relative to {@code DID_BASE_URL}. {@code kind} is {@code talks} or {@code clips}:
 * both resources share their shapes and statuses. Bodies are read raw so errors and odd 2xx answers are ours to map.
 */
interface DidApi {
    @POST("{kind}")
    Call<ResponseBody> create(@Path("kind") String kind, @Body Map<String, Object> body);

    @GET("{kind}/{id}")
    Call<ResponseBody> get(@Path("kind") String kind, @Path("id") String id);

    @GET("{kind}")
    Call<ResponseBody> list(@Path("kind") String kind, @Query("limit") int limit, @Query("token") String token);

    @DELETE("{kind}/{id}")
    Call<ResponseBody> delete(@Path("kind") String kind, @Path("id") String id);

    @GET("clips/presenters")
    Call<ResponseBody> presenters(@Query("limit") int limit, @Query("token") String token);

    @GET("tts/voices")
    Call<ResponseBody> voices();

    @GET("credits")
    Call<ResponseBody> credits();
}
